/**
 * BullMQ rejects custom job ids that contain ':' or read as integers, and queue names that contain ':'.
 * Our ids (e.g. `missed:<userId>:<date>`) are mapped injectively: '%' and ':' are percent-escaped, and an
 * integer-looking id gets a `%i` prefix, which escaping never produces.
 */
export function encodeJobId(id: string): string {
  const escaped = id.replace(/[%:]/g, (c) => (c === '%' ? '%25' : '%3A'));
  return `${parseInt(escaped, 10)}` === escaped ? `%i${escaped}` : escaped;
}

export function decodeJobId(encoded: string): string {
  const body = encoded.startsWith('%i') ? encoded.slice(2) : encoded;
  return body.replace(/%(25|3A)/g, (_, code: string) => (code === '25' ? '%' : ':'));
}

/** Dead letters live in a queue of their own, next to the queue they came from. */
export function deadLetterQueueName(name: string): string {
  return `${name}.dead`;
}
