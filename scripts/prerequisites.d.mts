// Types for scripts/prerequisites.mjs (plain JS so `npm test` runs it without a TypeScript loader).
export function chromiumPath(): string
export function missingChromium(): string | null
