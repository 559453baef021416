/**
 * Rubric section 5, "Verified on the server": what the CLI's `--active` learnt by asking the
 * server, after a flow, whether the logout ended the session and whether a planted id was adopted.
 * Traffic alone cannot show either; the checks send requests of their own, so they run only when
 * asked.
 */

/** What the checks found for one trace, by session cookie name. */
export interface ServerCheckResults {
  /** Cookies whose values from just before the logout, sent again after the flow, still passed the authenticated probe. */
  readonly aliveAfterLogout: readonly string[];
  /** Cookies whose planted value the server kept through the login, the authenticated probe passing. */
  readonly idAdopted: readonly string[];
  /** Why a check could not run, one sentence each, naming what is missing (note `active-check-skipped`). */
  readonly skipped: readonly string[];
}
