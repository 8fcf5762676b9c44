// MyFitnessPal partner API v2 (`GET /v2/diary`), after its developer documentation: diary entries of type
// diary_meal carry nutritional_contents (energy as a measured value in calories or kilojoules, macronutrients
// in grams); exercise and steps_aggregate entries carry energy spent. Requests send mfp-client-id,
// mfp-user-id and the user's Bearer token. Access is for approved partners only.

export interface MfpMeasuredValue {
  unit: 'calories' | 'kilojoules';
  value: number;
}

export interface MfpNutritionalContents {
  energy?: MfpMeasuredValue;
  fat?: number;
  carbohydrates?: number;
  protein?: number;
  [nutrient: string]: number | MfpMeasuredValue | undefined;
}

export type MfpDiaryItem =
  | { type: 'diary_meal'; date: string; diary_meal: string; nutritional_contents: MfpNutritionalContents }
  | { type: 'exercise'; id: string; date: string; duration?: number; energy?: MfpMeasuredValue }
  | { type: 'steps_aggregate'; id: string; date: string; steps: number; energy?: MfpMeasuredValue };

export interface MfpDiaryResponse {
  items: MfpDiaryItem[];
}
