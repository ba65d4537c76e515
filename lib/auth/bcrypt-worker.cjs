// Runs bcryptjs in a piscina worker thread: plain CommonJS so that next start, jest and tsx all
// load it without a TypeScript loader. Same library, same "$2b$" hashes as before.
const os = require("node:os");
const bcrypt = require("bcryptjs");

// Hashing is deliberately slow; a lower priority than the request thread keeps pages responsive
// while logins queue. Linux applies this to the calling thread only.
try {
  os.setPriority(0, Math.min(19, os.getPriority(0) + 10));
} catch {
  // Not permitted on this host: run at normal priority.
}

/** @param {{ op: "hash", password: string, cost: number } | { op: "compare", password: string, hash: string }} task */
module.exports = function runBcrypt(task) {
  // The synchronous forms: this thread has nothing else to do, and they skip the async chunking.
  if (task.op === "hash") return bcrypt.hashSync(task.password, task.cost);
  return bcrypt.compareSync(task.password, task.hash);
};
