/**
 * A photo is decoded and encoded again before it is kept, so what an agent opens is only the
 * picture: bytes after the image's end (HTML, a program: a polyglot), EXIF (GPS position,
 * device), comments and colour profiles are gone; the EXIF orientation is applied to the pixels
 * first, so the page still reads the right way up. Decoding is bounded: more pixels than
 * MAX_PIXELS is refused before they are decoded (a decompression bomb), and at most
 * IMAGES_AT_ONCE images are worked on at a time, each on few threads, so a burst of photos
 * neither fills the memory nor takes every core from the requests being recorded.
 */
import sharp from "sharp";
import type { DocumentType } from "../../shared/document-type";

/**
 * A 48-megapixel phone's full photo, with room: about 150 MB decoded at most. The app sends
 * photos shrunk to ~1600 px (src/app/documents), far below it.
 */
export const MAX_PIXELS = 50_000_000;
const IMAGES_AT_ONCE = 2;
/** A photo re-encoded this way stays legible for an agent (text, stamps) at about its first size. */
const JPEG_QUALITY = 88;

// libvips keeps decoded images and open files in a cache: each image here is seen once.
sharp.cache(false);
sharp.concurrency(2);

export type CleanedImage =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: "unreadable" | "too_many_pixels" };

/** The image types decoded here; HEIC is not (see isCleanable). */
const CLEANABLE = ["image/jpeg", "image/png", "image/webp"] as const;
type CleanableType = (typeof CLEANABLE)[number];

/**
 * Whether the server can decode and re-encode this type. HEIC is not among them: sharp's
 * prebuilt libvips reads AVIF but not HEVC, so a HEIC file is refused as unreadable (the app
 * converts photos to JPEG before sending; only other clients send HEIC).
 */
export const isCleanable = (type: DocumentType): type is CleanableType =>
  (CLEANABLE as readonly string[]).includes(type);

export const isImage = (type: DocumentType) => type.startsWith("image/");

let running = 0;
const waiting: (() => void)[] = [];

export async function cleanImage(bytes: Uint8Array, type: CleanableType): Promise<CleanedImage> {
  if (running >= IMAGES_AT_ONCE) await new Promise<void>((turn) => waiting.push(turn));
  running++;
  try {
    return await reencode(bytes, type);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

async function reencode(bytes: Uint8Array, type: CleanableType): Promise<CleanedImage> {
  // failOn "error": a photo with a minor flaw a phone wrote still opens; a damaged one does not.
  const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "error" }).rotate();
  const encoded =
    type === "image/jpeg"
      ? image.jpeg({ quality: JPEG_QUALITY })
      : type === "image/png"
        ? image.png()
        : image.webp({ quality: JPEG_QUALITY });
  try {
    return { ok: true, bytes: await encoded.toBuffer() };
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    return { ok: false, reason: /pixel limit/i.test(message) ? "too_many_pixels" : "unreadable" };
  }
}
