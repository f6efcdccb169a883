/**
 * How big a stored photo of a page is. 1600 px on the long side keeps an A4 page's small print
 * readable; about 300 KB a page keeps a 12-page document sendable on prepaid mobile data.
 */
export const PHOTO_LONG_SIDE = 1600;
export const PHOTO_TARGET_BYTES = 300_000;
/** Tried in order until the photo fits the target; the last try is kept even when it does not. */
export const PHOTO_QUALITIES: readonly [number, ...number[]] = [0.75, 0.6, 0.5];
/** Twice the size it is shown at, for sharp screens; a few KB. */
export const THUMBNAIL_LONG_SIDE = 160;
export const THUMBNAIL_QUALITY = 0.7;

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The size that brings the long side down to `longSide`, keeping the shape; a smaller image keeps its size. */
export function fitWithin({ width, height }: Size, longSide: number): Size {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Encodes at each quality in turn until the result fits in `targetBytes`. */
export async function encodeWithin(
  encode: (quality: number) => Promise<Blob>,
  targetBytes = PHOTO_TARGET_BYTES,
  [first, ...lower] = PHOTO_QUALITIES,
): Promise<Blob> {
  let blob = await encode(first);
  for (const quality of lower) {
    if (blob.size <= targetBytes) break;
    blob = await encode(quality);
  }
  return blob;
}
