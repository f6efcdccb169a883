/** Names of the app's User Timing measures, read by `npm run bench` and visible in DevTools. */
export const AUTOSAVE_MEASURE = "pas-a-pas:autosave";
