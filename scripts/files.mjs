// The files of a built app, as the addresses a browser asks for them by.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file under `root`, as `/`-separated paths relative to it, in a stable order. */
export function filesUnder(root) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(root, path).split("\\").join("/"));
    }
  };
  walk(root);
  return files;
}
