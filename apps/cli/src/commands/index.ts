import type { Command } from '../command.ts';
import { demo } from './demo.ts';
import { importCommand } from './import.ts';
import { load } from './load.ts';
import { plan } from './plan.ts';
import { predict } from './predict.ts';
import { readiness } from './readiness.ts';
import { zones } from './zones.ts';

/** In the order `runningcoach --help` lists them. */
export const COMMANDS: readonly Command[] = [predict, zones, plan, readiness, load, importCommand, demo];
