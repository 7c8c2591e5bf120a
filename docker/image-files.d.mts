export function workspaces(root: string): Map<string, string>;
export function runtimeClosure(root: string, entry: string): { all: Map<string, string>; needed: Set<string> };
export function copyImageFiles(root: string, out: string, entry?: string): string[];
