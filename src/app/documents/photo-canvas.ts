/**
 * Draws a decoded photo at its stored size and encodes it as JPEG, with its thumbnail. The same
 * steps run in the worker (OffscreenCanvas) and on the page (a <canvas>) when there is no worker.
 */
import {
  encodeWithin,
  fitWithin,
  PHOTO_LONG_SIDE,
  type Size,
  THUMBNAIL_LONG_SIDE,
  THUMBNAIL_QUALITY,
} from "./photo-size";

export interface ShrunkPhoto {
  readonly photo: Blob;
  readonly thumbnail: Blob;
}

interface Surface {
  readonly canvas: OffscreenCanvas | HTMLCanvasElement;
  readonly context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  encode(quality: number): Promise<Blob>;
}

export type NewSurface = (size: Size) => Surface;

/** Thrown when a canvas has no 2D context (Safari before 16.4 has OffscreenCanvas without one). */
export class NoCanvasError extends Error {
  override readonly name = "NoCanvasError";
}

export const offscreenSurface: NewSurface = ({ width, height }) => {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  if (!context) throw new NoCanvasError();
  return { canvas, context, encode: (quality) => canvas.convertToBlob({ type: "image/jpeg", quality }) };
};

export const pageSurface: NewSurface = ({ width, height }) => {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) throw new NoCanvasError();
  const encode = (quality: number) =>
    new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new NoCanvasError())), "image/jpeg", quality),
    );
  return { canvas, context, encode };
};

function paint({ canvas, context }: Surface, image: CanvasImageSource): void {
  // JPEG has no transparency: a transparent PNG would otherwise turn black.
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.imageSmoothingQuality = "high";
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
}

/** Frees the pixels now: browsers cap the memory of all canvases, and a phone has little. */
function release({ canvas }: Surface): void {
  canvas.width = 0;
  canvas.height = 0;
}

export async function drawShrunk(
  image: CanvasImageSource,
  size: Size,
  newSurface: NewSurface,
): Promise<ShrunkPhoto> {
  const page = newSurface(fitWithin(size, PHOTO_LONG_SIDE));
  try {
    paint(page, image);
    const photo = await encodeWithin((quality) => page.encode(quality));
    // Drawn from the shrunk page rather than the original: far fewer pixels to read.
    const small = newSurface(fitWithin(size, THUMBNAIL_LONG_SIDE));
    try {
      paint(small, page.canvas);
      return { photo, thumbnail: await small.encode(THUMBNAIL_QUALITY) };
    } finally {
      release(small);
    }
  } finally {
    release(page);
  }
}
