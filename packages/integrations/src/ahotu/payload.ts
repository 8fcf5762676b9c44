// Ahotu publishes no public API reference; these shapes model a race-calendar search as Ahotu's site presents
// it (an event with one or more races, each a distance with its course), in snake_case JSON. See README.md.

export interface AhotuLocation {
  city: string;
  region: string | null;
  country_code: string;
  latitude: number | null;
  longitude: number | null;
}

export interface AhotuCourse {
  elevation_gain_m: number | null;
  elevation_loss_m: number | null;
  /** [metres from the start, metres above sea level] pairs, start to finish. */
  profile: [number, number][] | null;
  surface: 'road' | 'trail' | 'track' | 'mixed' | null;
}

export interface AhotuRace {
  id: string;
  name: string;
  distance: { value: number; unit: 'km' | 'mi' };
  start_date: string;
  course: AhotuCourse | null;
}

export interface AhotuEvent {
  id: string;
  name: string;
  url: string | null;
  location: AhotuLocation;
  races: AhotuRace[];
}

/** `GET /v1/races?...` */
export interface AhotuSearchResponse {
  data: AhotuEvent[];
  meta: { page: number; per_page: number; total: number };
}

/** `GET /v1/races/:id`: the race's event with only that race in `races`. */
export interface AhotuRaceResponse {
  data: AhotuEvent;
}

export interface AhotuErrorResponse {
  error: { status: number; message: string };
}
