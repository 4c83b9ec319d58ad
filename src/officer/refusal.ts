/** An action the console refuses, with the HTTP status and a sentence the officer can act on. */
export class ConsoleRefusal extends Error {
  override name = 'ConsoleRefusal';
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422,
    message: string,
    /** Extra fields for the response body (e.g. the reply check's warnings). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
