/** Sent as `_clerk_js_version` on every Frontend API call; matches package.json. */
export const LATCH_JS_VERSION = '0.1.0';
