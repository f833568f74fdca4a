// An error that becomes an HTTP problem answer `{ error }` with its status code.

export class HttpProblem extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'HttpProblem';
    this.status = status;
  }
}

/** Invalid input (automation API rule: 422 with a problem body). */
export function invalid(message: string): HttpProblem {
  return new HttpProblem(422, message);
}
