/**
 * Makes a photo small enough to keep and to send (see photo-size.ts), as a JPEG with its
 * thumbnail; undefined when this browser cannot open the image (HEIC outside Safari, a damaged
 * file). Done in a worker where the browser can draw there, so the page keeps responding; on the
 * page otherwise (Safari before 16.4), or when the worker could not do it.
 */
import { drawShrunk, pageSurface, type ShrunkPhoto } from "./photo-canvas";
import type { PhotoReply, PhotoRequest } from "./photo-messages";

export async function shrinkPhoto(photo: Blob): Promise<ShrunkPhoto | undefined> {
  if (typeof Worker === "function" && typeof OffscreenCanvas === "function") {
    const reply = await shrinkInWorker(photo);
    if (reply.kind === "shrunk") return reply;
    if (reply.kind === "undecodable") return undefined;
  }
  return shrinkOnPage(photo);
}

/** One worker per photo, ended as soon as it answers: its memory goes back to the phone at once. */
function shrinkInWorker(photo: Blob): Promise<PhotoReply> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./photo-worker.ts", import.meta.url), { type: "module" });
    } catch {
      // Some browsers throw here instead of reporting an error event (module workers, security settings).
      resolve({ kind: "failed" });
      return;
    }
    const finish = (reply: PhotoReply) => {
      worker.terminate();
      resolve(reply);
    };
    worker.addEventListener("message", (event: MessageEvent<PhotoReply>) => finish(event.data));
    // The script did not load or the worker ran out of memory.
    worker.addEventListener("error", () => finish({ kind: "failed" }));
    worker.addEventListener("messageerror", () => finish({ kind: "failed" }));
    worker.postMessage({ photo } satisfies PhotoRequest);
  });
}

/** An <img> applies the EXIF orientation itself (CSS image-orientation defaults to from-image). */
async function shrinkOnPage(photo: Blob): Promise<ShrunkPhoto | undefined> {
  const url = URL.createObjectURL(photo);
  try {
    const image = new Image();
    image.src = url;
    try {
      await image.decode();
    } catch {
      return undefined;
    }
    return await drawShrunk(image, { width: image.naturalWidth, height: image.naturalHeight }, pageSurface);
  } finally {
    URL.revokeObjectURL(url);
  }
}
