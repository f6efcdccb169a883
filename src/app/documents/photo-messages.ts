/** What the page and the photo worker say to each other. */
import type { ShrunkPhoto } from "./photo-canvas";

export interface PhotoRequest {
  readonly photo: Blob;
}

export type PhotoReply =
  | ({ readonly kind: "shrunk" } & ShrunkPhoto)
  /** The browser cannot open this image at all: the page would fail too. */
  | { readonly kind: "undecodable" }
  /** The worker could not do it (no canvas there, no memory): the page tries instead. */
  | { readonly kind: "failed" };
