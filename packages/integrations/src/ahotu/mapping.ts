import type { Race } from '@runningcoach/contracts';
import type { AhotuEvent, AhotuRace } from './payload.ts';

const MILE = 1609.344;

/** One of an event's races as our Race: SI units, the course profile as {distanceMeters, elevationMeters}. */
export function toRace(event: AhotuEvent, race: AhotuRace): Race {
  const metres = race.distance.unit === 'mi' ? race.distance.value * MILE : race.distance.value * 1000;
  const course = race.course;
  return {
    id: race.id,
    source: 'ahotu',
    name: race.name && race.name !== event.name ? `${event.name} – ${race.name}` : event.name,
    date: race.start_date.slice(0, 10),
    place: {
      city: event.location.city,
      region: event.location.region,
      country: event.location.country_code,
      lat: event.location.latitude,
      lon: event.location.longitude,
    },
    distanceMeters: Math.round(metres * 10) / 10,
    elevationGainMeters: course?.elevation_gain_m ?? null,
    elevationLossMeters: course?.elevation_loss_m ?? null,
    courseProfile: (course?.profile ?? []).map(([d, e]) => ({ distanceMeters: d, elevationMeters: e })),
    surface: course?.surface ?? null,
    url: event.url,
  };
}

/** Every race of every event, in date order. */
export function toRaces(events: readonly AhotuEvent[]): Race[] {
  return events
    .flatMap((e) => e.races.map((r) => toRace(e, r)))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
