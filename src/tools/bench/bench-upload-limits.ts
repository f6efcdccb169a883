/**
 * The bench's one client stands for thousands of phones, so the per-client upload limits
 * (documents/upload-limits.ts) would refuse it within the first seconds: it gets limits no load
 * here reaches. The free-disk guard keeps its default.
 */
import { readUploadLimits } from "../../server/config";

export const BENCH_UPLOAD_ENV = {
  UPLOADS_PER_HOUR: "100000000",
  UPLOAD_BYTES_PER_HOUR: "1000000000000",
  UPLOAD_QUOTA_BYTES: "1000000000000",
} as const;

export const BENCH_UPLOAD_LIMITS = readUploadLimits(BENCH_UPLOAD_ENV);
