// Starts the GOV.UK Frontend components; pages work without it.
import { initAll } from "/static/govuk/govuk-frontend.min.js";

initAll();
