// The entry of field.html (the server's page for /field/*): the same app as main.tsx, with the phone
// screens' chunk imported statically, so that the page names it (modulepreload) and a phone fetches it
// beside the shared code rather than after running it. The router still loads it lazily (router.tsx).
import './field/FieldApp';
import './main';
