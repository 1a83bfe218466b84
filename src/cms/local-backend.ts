/**
 * Where the admin page reaches Decap's local backend (decap-server) in local mode: a path on its
 * own origin, forwarded to decap-server by `npm run cms` (and by the tests' server). It ends in a
 * slash, as every path of this site does (Astro's trailingSlash: 'always').
 */
export const localBackendPath = '/admin/api/v1/';
