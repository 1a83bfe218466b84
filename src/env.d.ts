declare namespace App {
  interface Locals {
    /**
     * The countries whose numbers a page's <GetHelpBox /> shows when the author names none: set by
     * the material page from the campaigns that use the material (src/utils/campaigns.ts).
     */
    helpCountries?: string[];
  }
}
