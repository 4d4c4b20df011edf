export declare const CHROMIUM_ARGS: string[];
export declare class ChromiumError extends Error {}
export declare function findChromium(env?: Record<string, string | undefined>): string | null;
