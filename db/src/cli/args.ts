import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ConfigError } from './config.ts';

/** node:util parseArgs, with a mistake reported as the command's usage instead of a stack trace. */
export function parseCliArgs<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new ConfigError(`${error instanceof Error ? error.message : error}\nUsage: ${usage}`);
  }
}
