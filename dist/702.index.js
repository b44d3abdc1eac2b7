export const id = 702;
export const ids = [702];
export const modules = {

/***/ 6702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GITHUB_RETRIES: () => (/* binding */ GITHUB_RETRIES),
/* harmony export */   MAX_WAIT_SECONDS: () => (/* binding */ MAX_WAIT_SECONDS),
/* harmony export */   gitHubClient: () => (/* binding */ gitHubClient),
/* harmony export */   secondMs: () => (/* binding */ secondMs),
/* harmony export */   waitForRateLimit: () => (/* binding */ waitForRateLimit)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The Action's GitHub client: `@actions/github`'s Octokit with the retry and throttling plugins, so
 * a transient 5xx or a rate limit is waited out (a few attempts, bounded waits) instead of becoming
 * a warning, a `git diff` fallback or a missing surface.
 *
 * - plugin-retry: 5xx, 408 and other transient statuses, 2 retries, waiting 1 s then 4 s. 403 and
 *   429 are left to plugin-throttling, which knows which of them are rate limits.
 * - plugin-throttling: a primary (`x-ratelimit-remaining: 0`) or secondary (`retry-after`) rate
 *   limit is retried twice when the wait GitHub asks for is at most MAX_WAIT_SECONDS; a longer one
 *   fails as before (the caller's warning), since a gate should not hold a runner for an hour.
 *   It also paces writes (1 s apart, 3 s for those that notify) as GitHub's best practices ask.
 *
 * `LINEAGE_GATE_INTERNAL_SECOND_MS` (internal, for tests only) says how many milliseconds one
 * second of those waits lasts; the end-to-end tests shrink it so retries stay fast.
 */



// @ts-expect-error light.js (the build plugin-throttling uses: no Redis clustering) ships no types of its own

const Bottleneck = (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default());
/** Retries after the first attempt, for transient errors and rate limits alike. */
const GITHUB_RETRIES = 2;
/** The longest wait GitHub may ask for that is honoured (seconds). */
const MAX_WAIT_SECONDS = 60;
// Statuses plugin-retry leaves alone: client errors, and 403/429 which plugin-throttling handles.
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
/** Milliseconds in one second of retry waits and write pacing: 1000, or the internal test knob. */
function secondMs(env) {
    const n = Number(env.LINEAGE_GATE_INTERNAL_SECOND_MS);
    return env.LINEAGE_GATE_INTERNAL_SECOND_MS && Number.isFinite(n) && n >= 0 && n <= 1000 ? n : 1000;
}
/** Whether a rate limit asking to wait `retryAfter` seconds is worth waiting for, on retry `retryCount`. */
function waitForRateLimit(retryAfter, retryCount) {
    return retryCount < GITHUB_RETRIES && retryAfter <= MAX_WAIT_SECONDS;
}
/** Write pacing scaled to the test knob; undefined (the plugin's own groups) at real speed. */
function pacing(second) {
    if (second === 1000)
        return undefined;
    return {
        write: new Bottleneck.Group({ id: 'lineage-gate-write', maxConcurrent: 1, minTime: second }),
        notifications: new Bottleneck.Group({ id: 'lineage-gate-notifications', maxConcurrent: 1, minTime: 3 * second })
    };
}
function gitHubClient(o) {
    const second = secondMs(o.env ?? process.env);
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const wait = waitForRateLimit(retryAfter, retryCount);
        // The path only: the query and the API's host add nothing to the log line.
        const path = new URL(request.url, 'http://github.invalid').pathname;
        o.log(`GitHub ${kind} on ${request.method} ${path}: ` +
            (wait
                ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${GITHUB_RETRIES}).`
                : `not retried (asks to wait ${retryAfter} s; at most ${MAX_WAIT_SECONDS} s, ${GITHUB_RETRIES} retries).`));
        return wait;
    };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(o.token, {
        baseUrl: o.baseUrl,
        retry: { retries: GITHUB_RETRIES, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: second },
        throttle: {
            retryAfterBaseValue: second,
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit'),
            ...pacing(second)
        }
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
}


/***/ })

};

//# sourceMappingURL=702.index.js.map