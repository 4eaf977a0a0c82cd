// Cockpit's configuration, shipped in the application jar (it replaces the webjar's own file of the same path).
// The header shows vendor and name: "Code.org Partnerships".
export default {
  app: {
    name: 'Partnerships',
    vendor: 'Code.org'
  },
  // The managers' reports (README, "Reports in Cockpit"): dashboard panel, Partnerships and PD report pages,
  // the Partnership tab of a process instance. Served from this jar; nothing is loaded from the internet.
  customScripts: [
    'scripts/partnerships/plugin.js'
  ]
};
