export { appleDaily, appleWorkout } from './mapping.ts';
export { APPLE_DEVICE_HEADER, APPLE_SIGNATURE_HEADER, signRelayBody, verifyRelayBody } from './signature.ts';
export { type AppleRelay, AppleRelaySchema } from './types.ts';
