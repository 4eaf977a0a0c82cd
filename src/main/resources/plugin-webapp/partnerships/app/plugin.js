// Cockpit imports app/plugin.js of every server-side plugin. The partnership reports' client module is
// registered through Cockpit's config.js (customScripts: scripts/partnerships/plugin.js), so this one adds nothing.
export default [];
