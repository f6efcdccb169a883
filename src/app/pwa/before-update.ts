/**
 * Work that must finish before a new version takes over the page (and reloads it): open drafts
 * write their last changes. The wizard registers here without the update code depending on it.
 */
type Task = () => Promise<void>;
const tasks = new Set<Task>();

export function beforeUpdate(task: Task): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

export async function runBeforeUpdate(): Promise<void> {
  await Promise.allSettled([...tasks].map((task) => task()));
}
