/** Thrown by a command for a bad invocation (missing file, unknown option value): exit status 2. */
export class UsageError extends Error {}

/** A command raises the process exit status through this (the highest value wins). */
export type SetExit = (code: number) => void;
