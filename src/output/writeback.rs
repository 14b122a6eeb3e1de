//! Large outputs handed to the disk while they are written (see [`Writeback`]).

use std::fs;
use std::io::Write;

/// A file whose written data is handed to the disk every [`WRITEBACK_STEP`]
/// bytes while the rest is still being written. Without it, the renames of
/// [`OutputDir::finish`] over a previous run's files waited for the kernel
/// to write out the whole new file (ext4 does so when a rename replaces a
/// file), with both cores idle. Starting write-back never waits for the
/// disk and changes no byte; on other systems this is a plain file.
///
/// The pages of a step whose write-back has finished by the time the next
/// step starts are then dropped from the page cache (`POSIX_FADV_DONTNEED`,
/// which skips pages still dirty or being written and never waits): the
/// next steps' pages take the memory just freed instead of fresh pages.
/// Every fresh page costs a zeroing, and on a virtual machine whose host
/// takes back free memory a fault on the host as well, and large outputs
/// would go through gigabytes of them. The files' bytes are on disk either
/// way; only their cached copies go.
pub(super) struct Writeback {
    file: fs::File,
    written: u64,
    started: u64,
    /// Start of the step whose write-back was started last.
    last_step: u64,
}

/// Bytes between two starts of write-back.
const WRITEBACK_STEP: u64 = 32 << 20;

impl Writeback {
    pub(super) fn new(file: fs::File) -> Self {
        Writeback {
            file,
            written: 0,
            started: 0,
            last_step: 0,
        }
    }

    /// Starts the write-back of what was written since the last start, and
    /// drops the step before that from the page cache: it had a whole
    /// step's time to reach the disk.
    fn start_writeback(&mut self) {
        crate::platform::file::start_writeback(
            &self.file,
            self.started,
            self.written - self.started,
        );
        if self.last_step < self.started {
            crate::platform::file::drop_written_pages(
                &self.file,
                self.last_step,
                self.started - self.last_step,
            );
        }
        self.last_step = self.started;
        self.started = self.written;
    }
}

impl Write for Writeback {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        if self.written - self.started >= WRITEBACK_STEP {
            self.start_writeback();
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        // The tail too: then a rename has nothing left to wait for.
        if self.written > self.started {
            self.start_writeback();
        }
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dropping written steps from the page cache keeps every byte: a file
    /// of three steps and a tail reads back as written.
    #[test]
    fn writeback_keeps_every_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        let step = WRITEBACK_STEP as usize;
        let chunk: Vec<u8> = (0..1_000_003u32).map(|i| (i % 251) as u8).collect();
        let mut want = Vec::new();
        {
            let mut w = std::io::BufWriter::new(Writeback::new(fs::File::create(&path).unwrap()));
            while want.len() < 3 * step + 12_345 {
                w.write_all(&chunk).unwrap();
                want.extend_from_slice(&chunk);
            }
            w.flush().unwrap();
        }
        assert!(fs::read(&path).unwrap() == want);
    }
}
