/**
 * Chooses the part store from the configuration: a bucket when the `s3*` options are set, the
 * data directory's `parts/` folder otherwise (the embedded default).
 *
 * @module
 */
import { join } from "node:path";
import { ConfigError, type ServerConfig } from "../config.ts";
import { FileSystemPartStore, PARTS_FOLDER } from "./fs_part_store.ts";
import type { PartStore } from "./part_store.ts";
import { S3PartStore, type S3Settings } from "./s3_part_store.ts";

/** The options `createPartStore` reads. */
export type PartStoreConfig =
  & Pick<ServerConfig, "dataDir">
  & Pick<
    Partial<ServerConfig>,
    | "s3Endpoint"
    | "s3Bucket"
    | "s3Region"
    | "s3AccessKeyId"
    | "s3SecretAccessKey"
    | "s3Prefix"
    | "s3DirectParts"
  >;

const REQUIRED = [
  ["s3Endpoint", "--s3-endpoint", "PADLOCK_S3_ENDPOINT"],
  ["s3Bucket", "--s3-bucket", "PADLOCK_S3_BUCKET"],
  ["s3AccessKeyId", "--s3-access-key-id", "PADLOCK_S3_ACCESS_KEY_ID"],
  ["s3SecretAccessKey", "--s3-secret-access-key", "PADLOCK_S3_SECRET_ACCESS_KEY"],
] as const;

/**
 * The bucket settings of a configuration, or `undefined` when no `s3*` option is set.
 *
 * @throws {ConfigError} when only some of the required options are set, or one is malformed.
 */
export function s3SettingsOf(config: PartStoreConfig): S3Settings | undefined {
  const anySet =
    [...REQUIRED.map(([key]) => key), "s3Region", "s3Prefix"].some((key) =>
      (config as Record<string, unknown>)[key] !== undefined
    ) || config.s3DirectParts === true;
  if (!anySet) return undefined;
  const missing = REQUIRED.filter(([key]) => !config[key]);
  if (missing.length > 0) {
    throw new ConfigError(
      `Parts in a bucket need ${
        missing.map(([, flag, env]) => `${flag} (${env})`).join(", ")
      } as well: set all of --s3-endpoint, --s3-bucket, --s3-access-key-id and ` +
        "--s3-secret-access-key, or none of the --s3-* options to keep parts in the data directory.",
    );
  }
  let endpoint: URL;
  try {
    endpoint = new URL(config.s3Endpoint!);
  } catch (cause) {
    throw new ConfigError(`--s3-endpoint is not a URL: ${config.s3Endpoint}`, { cause });
  }
  if (!["http:", "https:"].includes(endpoint.protocol) || endpoint.pathname !== "/") {
    throw new ConfigError(
      `--s3-endpoint must be an http(s) origin without path (the bucket goes in --s3-bucket): ` +
        `current value is ${config.s3Endpoint}`,
    );
  }
  // Bucket naming rules of S3 (lower case, digits, dots, hyphens; 3 to 63 characters).
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(config.s3Bucket!)) {
    throw new ConfigError(
      `--s3-bucket is not a valid bucket name (3-63 of a-z 0-9 . -): current value is ${config.s3Bucket}`,
    );
  }
  const prefix = config.s3Prefix ?? "";
  if (!/^([A-Za-z0-9._-]+\/)*$/.test(prefix) || prefix.split("/").some((n) => /^\.\.?$/.test(n))) {
    throw new ConfigError(
      `--s3-prefix must be folder names of A-Z a-z 0-9 . _ - (not . or ..) each ending with "/" ` +
        `(e.g. padlock/): ` +
        `current value is ${prefix}`,
    );
  }
  const region = config.s3Region ?? "us-east-1";
  if (!/^[a-z0-9-]{1,64}$/.test(region)) {
    throw new ConfigError(`--s3-region is not a region name: current value is ${region}`);
  }
  return {
    endpoint: endpoint.origin,
    bucket: config.s3Bucket!,
    region,
    accessKeyId: config.s3AccessKeyId!,
    secretAccessKey: config.s3SecretAccessKey!,
    prefix,
    directParts: config.s3DirectParts === true,
  };
}

/**
 * Builds the part store a configuration asks for: `S3PartStore` when the `s3*` options are set,
 * otherwise `FileSystemPartStore` in `<dataDir>/parts`.
 *
 * @throws {ConfigError} when the `s3*` options are incomplete or malformed.
 */
export function createPartStore(config: PartStoreConfig): PartStore {
  const s3 = s3SettingsOf(config);
  return s3 ? new S3PartStore(s3) : new FileSystemPartStore(join(config.dataDir, PARTS_FOLDER));
}
