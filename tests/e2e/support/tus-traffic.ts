/**
 * What the page says to the tus endpoint for one upload, as the browser sent and received it:
 * each PATCH with the offset it started from, the bytes it carried and the offset the server
 * confirmed; each HEAD with the offset the server reported. Read from Playwright's network events,
 * so the app's own code is not involved in the record.
 */
import type { Page, Request } from "@playwright/test";

export interface TusExchange {
  readonly method: string;
  readonly url: string;
  /** The Upload-Offset the client sent (PATCH). */
  readonly fromOffset: number | undefined;
  /** Bytes in the request's body (PATCH). */
  readonly bodyBytes: number;
  /** The Upload-Offset the server answered, undefined when no answer came. */
  readonly serverOffset: number | undefined;
  readonly status: number | undefined;
}

/** A range of bytes the server confirmed: [from, to). */
export interface ConfirmedRange {
  readonly from: number;
  readonly to: number;
}

const TUS_PATH = /\/api\/uploads(\/|$)/;

function offsetOf(value: string | null | undefined): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

export class TusTraffic {
  /** In the order the requests ended; each read once its headers are there. */
  private readonly exchanges: Promise<TusExchange | undefined>[] = [];

  constructor(page: Page) {
    page.on("requestfinished", (request) => this.exchanges.push(this.read(request, true)));
    page.on("requestfailed", (request) => this.exchanges.push(this.read(request, false)));
  }

  private async read(request: Request, answered: boolean): Promise<TusExchange | undefined> {
    if (!TUS_PATH.test(new URL(request.url()).pathname)) return undefined;
    const response = answered ? await request.response() : null;
    return {
      method: request.method(),
      url: request.url(),
      fromOffset: offsetOf(await request.headerValue("upload-offset")),
      bodyBytes: request.postDataBuffer()?.length ?? 0,
      serverOffset: offsetOf(await response?.headerValue("upload-offset")),
      status: response?.status(),
    };
  }

  /** Every exchange about one upload, in the order they ended. */
  async of(uploadUrl: string): Promise<TusExchange[]> {
    const all = await Promise.all(this.exchanges);
    return all.filter((exchange): exchange is TusExchange => exchange?.url === uploadUrl);
  }
}

/** The ranges the server confirmed, in order, from the PATCH requests it answered with 204. */
export function confirmedRanges(exchanges: readonly TusExchange[]): ConfirmedRange[] {
  return exchanges
    .filter((exchange) => exchange.method === "PATCH" && exchange.status === 204)
    .map((exchange) => ({
      from: exchange.fromOffset ?? Number.NaN,
      to: exchange.serverOffset ?? Number.NaN,
    }));
}
