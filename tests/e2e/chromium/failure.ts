/** An error that is its message only: what to do about a missing browser, without a stack trace. */
export function setupFailure(message: string): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
}
