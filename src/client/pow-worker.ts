// The proof-of-work solver in a Web Worker (its own file, loaded from this site: the CSP's
// 'self'), so that the page stays responsive while the sign form's challenge is worked out.
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { handler } from "altcha-lib/workers/shared";

handler({ deriveKey });
