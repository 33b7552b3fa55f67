// The 'crypto' module node-forge (in secretlint's preset) imports: it uses it only when it runs on Node, and the
// preset loads forge only for the GCP .p12 rule, which never runs on a blueprint.
export default {};
