/**
 * Shrinks one photo away from the page's thread: decoding a 12 MP photo takes long enough on a
 * cheap phone to freeze taps and scrolling. Started by shrink-photo.ts, once per photo.
 */
import { drawShrunk, offscreenSurface } from "./photo-canvas";
import type { PhotoReply, PhotoRequest } from "./photo-messages";

async function shrink(photo: Blob): Promise<PhotoReply> {
  if (typeof createImageBitmap !== "function" || typeof OffscreenCanvas !== "function")
    return { kind: "failed" };
  let bitmap: ImageBitmap;
  try {
    // "from-image" turns the pixels the way the camera's EXIF orientation says.
    bitmap = await createImageBitmap(photo, { imageOrientation: "from-image" });
  } catch {
    return { kind: "undecodable" };
  }
  try {
    const shrunk = await drawShrunk(bitmap, bitmap, offscreenSurface);
    return { kind: "shrunk", ...shrunk };
  } catch {
    // No 2D OffscreenCanvas, or no memory left here: the page tries with a <canvas>.
    return { kind: "failed" };
  } finally {
    bitmap.close();
  }
}

addEventListener("message", (event: MessageEvent<PhotoRequest>) => {
  void shrink(event.data.photo).then((reply) => postMessage(reply));
});
