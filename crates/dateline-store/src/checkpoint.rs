//! WAL checkpoints on a thread of their own, so the writer never waits for the disk.
//!
//! In WAL mode a commit appends pages to the log; a *checkpoint* copies them back into the
//! database file and syncs both files. SQLite runs one on the committing thread whenever the log
//! passes 1,000 pages, and with `synchronous = NORMAL` its two `fsync`s are the only time a commit
//! waits for the disk. At 1M stored articles those waits were a fifth of the writer's wall time
//! (4.7 s of `fsync` in 21.4 s for 20,000 articles, measured with strace; docs/bench-stories.md).
//!
//! A [`Checkpointer`] takes that work off the writer: the writer's connection gets a WAL hook
//! in place of SQLite's automatic checkpoint. After each commit the hook asks this module's
//! thread, which has its own connection to the file, for a passive checkpoint, and the writer
//! goes on with its next batch. Durability is unchanged (the same checkpoints, the same syncs, on
//! another thread).
//!
//! The log stays bounded: a writer that keeps committing while checkpoints run never finds the
//! log fully copied at the start of a transaction, which is when SQLite starts the log over. So
//! once the log passes [`WAIT_PAGES`], the hook waits until a checkpoint begun after that
//! commit has finished; the next transaction then starts the log from its beginning.

use std::ffi::c_int;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::wal::CheckpointMode;
use rusqlite::Connection;

/// Log size (pages) from which a commit asks for a checkpoint: SQLite's own default.
pub(crate) const ASK_PAGES: c_int = 1_000;

/// Log size (pages) from which a commit waits for a checkpoint: 64,000 pages of 4 KB, about
/// 256 MB of log, or a few batches of a thousand articles.
pub(crate) const WAIT_PAGES: c_int = 64_000;

/// The background checkpoint thread of one writing [`Connection`]. Dropping it finishes the
/// checkpoint in progress and stops the thread.
#[derive(Debug)]
pub(crate) struct Checkpointer {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

/// What the writer's hook and the thread share.
#[derive(Debug, Default)]
struct Shared {
    state: Mutex<State>,
    /// Signalled when a checkpoint is asked for, when one finishes, and on stop.
    changed: Condvar,
}

#[derive(Debug, Default)]
struct State {
    /// Checkpoints asked for so far (a counter, so a waiter knows which one covers its commit).
    asked: u64,
    /// The largest `asked` value a finished checkpoint had seen when it began.
    done: u64,
    /// The thread is stopping or gone: nobody is left to wait for.
    stopped: bool,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding this lock leaves only counters behind: still usable.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Asks for a checkpoint; returns its number.
    fn ask(&self) -> u64 {
        let mut state = self.lock();
        state.asked += 1;
        let ticket = state.asked;
        drop(state);
        self.changed.notify_all();
        ticket
    }

    /// Waits until the checkpoint `ticket` is done. `false` when the thread stopped first.
    fn wait_for(&self, ticket: u64) -> bool {
        let mut state = self.lock();
        while state.done < ticket && !state.stopped {
            state = self.changed.wait(state).unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        state.done >= ticket
    }
}

impl Checkpointer {
    /// Starts the thread on its own connection to `path` and hands `writer`'s checkpoints to it.
    /// `None` (and SQLite's automatic checkpoints stay) when the file cannot be opened a second
    /// time or the hook cannot be set: checkpointing on the writer is slower, never wrong.
    pub(crate) fn start(writer: &mut Connection, path: &Path) -> Option<Checkpointer> {
        Checkpointer::start_with(writer, path, ASK_PAGES, WAIT_PAGES)
    }

    /// [`Checkpointer::start`] with other log sizes (pages) to ask for and to wait for a
    /// checkpoint.
    fn start_with(writer: &mut Connection, path: &Path, ask_pages: c_int, wait_pages: c_int) -> Option<Checkpointer> {
        let conn = Connection::open(path).ok()?;
        // A passive checkpoint never waits for a lock; the close at the end may.
        conn.busy_timeout(Duration::from_secs(10)).ok()?;
        // A connection finds the log only when it first reads the file; until then a checkpoint
        // answers "not in WAL mode" and does nothing.
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).ok()?;
        if !mode.eq_ignore_ascii_case("wal") {
            return None;
        }
        let shared = Arc::new(Shared::default());
        let for_thread = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("dateline-checkpoint".into())
            .spawn(move || run(&conn, &for_thread))
            .ok()?;
        let checkpointer = Checkpointer { shared: Arc::clone(&shared), thread: Some(thread) };
        let hook = move |wal: &mut rusqlite::hooks::Wal, pages: c_int| -> rusqlite::Result<()> {
            if pages >= ask_pages {
                let ticket = shared.ask();
                if pages >= wait_pages && !shared.wait_for(ticket) {
                    // The thread is gone: checkpoint here, as SQLite would. An error is not the
                    // commit's (it has happened); the next commit tries again.
                    let _ = wal.checkpoint_v2(CheckpointMode::PASSIVE);
                }
            }
            Ok(())
        };
        if writer.wal_hook(Some(hook)).is_err() {
            return None; // dropping `checkpointer` stops the thread
        }
        Some(checkpointer)
    }
}

/// The thread: one passive checkpoint per wake-up that found new asks, until stopped.
fn run(conn: &Connection, shared: &Shared) {
    loop {
        let mut state = shared.lock();
        while state.asked == state.done && !state.stopped {
            state = shared.changed.wait(state).unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        if state.stopped {
            return;
        }
        let covers = state.asked;
        drop(state);
        // Passive: copies what no reader still needs, never blocks the writer. Errors (a reader
        // holding an old snapshot, a full disk) leave the log as it is; the next ask retries.
        let _ = conn.wal_checkpoint_v2(None::<&str>, CheckpointMode::PASSIVE);
        shared.lock().done = covers;
        shared.changed.notify_all();
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.shared.lock().stopped = true;
        self.shared.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error;

    #[test]
    fn a_waiter_is_released_by_the_checkpoint_that_covers_its_ask_or_by_a_stop() -> Result<(), &'static str> {
        let shared = Arc::new(Shared::default());
        let first = shared.ask();
        let second = shared.ask();
        {
            let mut state = shared.lock();
            state.done = first;
        }
        assert!(shared.wait_for(first));
        let waiter = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || shared.wait_for(second))
        };
        shared.lock().stopped = true;
        shared.changed.notify_all();
        let released = waiter.join().map_err(|_| "the waiter panicked")?;
        assert!(!released, "a stop releases a waiter whose checkpoint never ran");
        Ok(())
    }

    /// Frames in the log file of a database with 4,096-byte pages.
    fn wal_frames(db: &Path) -> u64 {
        let wal = db.with_extension("db-wal");
        std::fs::metadata(wal).map_or(0, |m| m.len().saturating_sub(32) / (24 + 4096))
    }

    /// Commits `commits` transactions of five pages each on a fresh WAL database, with SQLite's
    /// automatic checkpoints off, and returns the largest log seen and the rows stored.
    fn write_log(dir: &Path, with: Option<(c_int, c_int)>, commits: usize) -> Result<(u64, i64), Box<dyn Error>> {
        std::fs::create_dir_all(dir)?;
        let db = dir.join("log.db");
        let mut conn = Connection::open(&db)?;
        let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        conn.execute("CREATE TABLE t (b BLOB)", [])?;
        let checkpointer = match with {
            Some((ask, wait)) => Some(Checkpointer::start_with(&mut conn, &db, ask, wait).ok_or("no checkpointer")?),
            None => None,
        };
        let mut largest = 0;
        for _ in 0..commits {
            conn.execute("INSERT INTO t VALUES (zeroblob(16000))", [])?;
            largest = largest.max(wal_frames(&db));
        }
        drop(checkpointer);
        let rows = conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0))?;
        Ok((largest, rows))
    }

    #[test]
    fn the_log_stays_bounded_while_the_thread_checkpoints_and_nothing_is_lost() -> Result<(), Box<dyn Error>> {
        let dir = tempfile::tempdir()?;
        // Without checkpoints the log holds every commit: about five frames each.
        let (unbounded, rows) = write_log(&dir.path().join("a"), None, 200)?;
        assert_eq!(rows, 200);
        assert!(unbounded >= 800, "{unbounded} frames");
        // With the thread asked from 8 frames and waited for from 64, the log starts over.
        let (bounded, rows) = write_log(&dir.path().join("b"), Some((8, 64)), 200)?;
        assert_eq!(rows, 200, "every commit is kept");
        assert!(bounded <= 64 + 2 * 8, "{bounded} frames");
        Ok(())
    }
}
