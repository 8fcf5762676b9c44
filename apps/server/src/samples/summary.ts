// One summarizer for samples, shared with the file importers, so a manual log and an imported file agree:
// mean/max HR, distance (speed, else GPS), elevation gain (5 s smoothing, 2 m dead band).
export { type SampleSummary, summarizeSamples } from '@runningcoach/integrations';
