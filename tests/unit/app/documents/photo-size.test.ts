import { describe, expect, it } from "vitest";
import {
  encodeWithin,
  fitWithin,
  PHOTO_LONG_SIDE,
  THUMBNAIL_LONG_SIDE,
} from "../../../../src/app/documents/photo-size";

describe("the size a photo is stored at", () => {
  it("brings a 12 MP photo down to 1600 px on its long side, keeping its shape", () => {
    expect(fitWithin({ width: 4000, height: 3000 }, PHOTO_LONG_SIDE)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin({ width: 3000, height: 4000 }, PHOTO_LONG_SIDE)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin({ width: 4032, height: 3024 }, PHOTO_LONG_SIDE)).toEqual({ width: 1600, height: 1200 });
  });

  it("leaves a small image at its size", () => {
    expect(fitWithin({ width: 800, height: 600 }, PHOTO_LONG_SIDE)).toEqual({ width: 800, height: 600 });
    expect(fitWithin({ width: 1600, height: 900 }, PHOTO_LONG_SIDE)).toEqual({ width: 1600, height: 900 });
  });

  it("never draws a side of zero pixels, however thin the image", () => {
    expect(fitWithin({ width: 20_000, height: 3 }, PHOTO_LONG_SIDE)).toEqual({ width: 1600, height: 1 });
  });

  it("makes thumbnails from the same rule", () => {
    expect(fitWithin({ width: 4000, height: 3000 }, THUMBNAIL_LONG_SIDE)).toEqual({
      width: 160,
      height: 120,
    });
  });
});

describe("the quality a photo is stored at", () => {
  /** An encoder whose output size depends on the quality, and which records what it was asked. */
  const encoder = (bytesAt: Record<number, number>) => {
    const asked: number[] = [];
    const encode = async (quality: number) => {
      asked.push(quality);
      return new Blob([new Uint8Array(bytesAt[quality] ?? 0)]);
    };
    return { asked, encode };
  };

  it("keeps the first quality when the photo fits", async () => {
    const { asked, encode } = encoder({ 0.75: 250_000 });
    expect((await encodeWithin(encode)).size).toBe(250_000);
    expect(asked).toEqual([0.75]);
  });

  it("steps down once or twice when the photo is still too heavy", async () => {
    const once = encoder({ 0.75: 420_000, 0.6: 290_000 });
    expect((await encodeWithin(once.encode)).size).toBe(290_000);
    expect(once.asked).toEqual([0.75, 0.6]);
    const twice = encoder({ 0.75: 600_000, 0.6: 450_000, 0.5: 380_000 });
    expect((await encodeWithin(twice.encode)).size).toBe(380_000);
    expect(twice.asked).toEqual([0.75, 0.6, 0.5]);
  });
});
