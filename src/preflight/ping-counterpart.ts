import type { Counterpart, CounterpartResponse } from '../counterparts/counterpart.ts';

/**
 * The counterpart host's ping: the SUT calls it (automation API `POST /session/ping`) to show that it can reach
 * certbench's counterparts from where it sends its messages. It only counts the calls it gets.
 */
export class PingCounterpart implements Counterpart {
  readonly id = 'ping';
  readonly pathPrefix = '/certbench-ping';
  private calls = 0;

  get received(): number {
    return this.calls;
  }

  handle(): CounterpartResponse {
    this.calls += 1;
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pong: true }),
    };
  }
}
