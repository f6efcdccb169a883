/**
 * The server's re-encoding of each photo it keeps (documents/image-cleaning.ts), timed per photo
 * on this machine: a photo as the app sends it (shrunk to ~1600 px) and a 12 MP camera photo
 * as another client could send it. Noise makes them as hard to compress as real photos.
 */
import sharp from "sharp";
import { cleanImage } from "../../server/documents/image-cleaning";
import { ms, percentile } from "./browser";

const ROUNDS = 5;

async function cameraPhoto(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#d8cfc0",
      noise: { type: "gaussian", mean: 140, sigma: 30 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
}

async function medianTime(photo: Buffer): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const cleaned = await cleanImage(photo, "image/jpeg");
    if (!cleaned.ok) throw new Error(`the bench photo was refused: ${cleaned.reason}`);
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

export async function benchPhotoReencoding(): Promise<string> {
  const sent = await medianTime(await cameraPhoto(1600, 1200));
  const camera = await medianTime(await cameraPhoto(4000, 3000));
  return `photo re-encoding on the server, per photo: ${ms(sent)} as the app sends it (1600×1200), ${ms(camera)} for a 12 MP camera photo (median of ${ROUNDS})`;
}
