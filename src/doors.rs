//! Doors to the world a policy grants (SPEC §4.6): a clock, entropy and the
//! data a guest's `sys` shows. Each is a value the host makes and puts in a
//! [`Policy`](crate::Policy); a sandbox whose policy has none reaches none.

use crate::error::ConfigError;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A clock a host grants a sandbox ([`Policy::clock`](crate::Policy::clock)):
/// what `time.time()`, `time.monotonic()`, `datetime.now()` and
/// `date.today()` read there, and what `time.sleep` waits on.
///
/// - [`Clock::system`]: the host's system clock; `sleep` waits for real.
/// - [`Clock::fixed`]: one instant, for replayable runs: every read gives it,
///   the monotonic clock stands still and `sleep` returns at once.
/// - [`Clock::running_from`]: starts at a given instant when the sandbox
///   starts and runs at a given speed (2.0: twice as fast as real time);
///   `sleep(s)` waits `s / speed` real seconds.
///
/// The monotonic clock of a sandbox starts at zero when the sandbox starts,
/// so it tells the guest nothing about the host's uptime.
///
/// ```
/// use pyocap::{Clock, Policy};
/// let mut policy = Policy::new();
/// policy.clock(Some(Clock::parse("fixed:2024-02-29T12:00:00Z")?));
/// policy.allow_import("datetime")?;
/// # Ok::<(), pyocap::ConfigError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clock {
    kind: ClockKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ClockKind {
    System,
    Fixed {
        unix_nanos: i128,
    },
    Running {
        start_unix_nanos: i128,
        /// Real time's speed, in millionths (an integer so policies compare).
        speed_millionths: u64,
    },
}

/// Years 1 to 9999, what `datetime` holds: a clock outside them is refused.
const EARLIEST: i128 = -62_135_596_800 * 1_000_000_000;
const LATEST: i128 = 253_402_300_799 * 1_000_000_000;

impl Clock {
    /// The host's system clock.
    pub fn system() -> Clock {
        Clock {
            kind: ClockKind::System,
        }
    }

    /// Always the instant `at`. Fails for an instant outside the years 1 to
    /// 9999.
    pub fn fixed(at: SystemTime) -> Result<Clock, ConfigError> {
        Ok(Clock {
            kind: ClockKind::Fixed {
                unix_nanos: in_range(unix_nanos(at))?,
            },
        })
    }

    /// Starts at `start` when the sandbox starts, and runs at `speed` times
    /// real time (`0.0` stands still). Fails for a negative, non-finite or
    /// absurd (above a million) speed, or a start outside the years 1 to 9999.
    pub fn running_from(start: SystemTime, speed: f64) -> Result<Clock, ConfigError> {
        Clock::running_from_nanos(in_range(unix_nanos(start))?, speed)
    }

    fn running_from_nanos(start_unix_nanos: i128, speed: f64) -> Result<Clock, ConfigError> {
        if !(0.0..=1e6).contains(&speed) {
            return Err(ConfigError::InvalidDoor(format!(
                "clock speed {speed} is not between 0 and 1000000"
            )));
        }
        Ok(Clock {
            kind: ClockKind::Running {
                start_unix_nanos,
                speed_millionths: (speed * 1e6).round() as u64,
            },
        })
    }

    /// A clock from text, as the command line and policy files write it:
    /// `system`; `fixed:` followed by an instant (`2024-02-29T12:00:00Z`,
    /// `2024-02-29T12:00:00.5+01:00`, `2024-02-29`, or `@` and Unix seconds,
    /// `@1709208000`); or `running:INSTANT` with an optional `*SPEED`
    /// (`running:2024-01-01T00:00:00Z*60`).
    pub fn parse(text: &str) -> Result<Clock, ConfigError> {
        let bad = |why: &str| ConfigError::InvalidDoor(format!("clock `{text}`: {why}"));
        if text == "system" {
            return Ok(Clock::system());
        }
        if let Some(at) = text.strip_prefix("fixed:") {
            let nanos = parse_instant(at).map_err(|e| bad(&e))?;
            return Ok(Clock {
                kind: ClockKind::Fixed {
                    unix_nanos: in_range(nanos)?,
                },
            });
        }
        if let Some(rest) = text.strip_prefix("running:") {
            let (at, speed) = match rest.rsplit_once('*') {
                Some((at, speed)) => (
                    at,
                    speed
                        .parse::<f64>()
                        .map_err(|_| bad("the speed after `*` is not a number"))?,
                ),
                None => (rest, 1.0),
            };
            let nanos = in_range(parse_instant(at).map_err(|e| bad(&e))?)?;
            return Clock::running_from_nanos(nanos, speed);
        }
        Err(bad(
            "expected `system`, `fixed:INSTANT` or `running:INSTANT[*SPEED]`",
        ))
    }

    /// The clock as [`Clock::parse`] reads it back (a running clock's speed
    /// to the millionth).
    pub fn to_text(&self) -> String {
        match &self.kind {
            ClockKind::System => "system".to_owned(),
            ClockKind::Fixed { unix_nanos } => format!("fixed:{}", format_instant(*unix_nanos)),
            ClockKind::Running {
                start_unix_nanos,
                speed_millionths,
            } => format!(
                "running:{}*{}",
                format_instant(*start_unix_nanos),
                *speed_millionths as f64 / 1e6
            ),
        }
    }

    /// This clock, started for one sandbox.
    pub(crate) fn start(&self) -> StartedClock {
        StartedClock {
            clock: self.clone(),
            started: Instant::now(),
        }
    }
}

/// A [`Clock`] started when its sandbox started: the readings a guest gets.
#[derive(Clone, Debug)]
pub(crate) struct StartedClock {
    clock: Clock,
    started: Instant,
}

impl StartedClock {
    /// Nanoseconds since the Unix epoch, now.
    pub(crate) fn wall_nanos(&self) -> i128 {
        match self.clock.kind {
            ClockKind::System => unix_nanos(SystemTime::now()),
            ClockKind::Fixed { unix_nanos } => unix_nanos,
            ClockKind::Running {
                start_unix_nanos,
                ..
            } => (start_unix_nanos + self.monotonic_nanos()).min(LATEST),
        }
    }

    /// Nanoseconds since the sandbox started, by this clock.
    pub(crate) fn monotonic_nanos(&self) -> i128 {
        let real = self.started.elapsed().as_nanos() as i128;
        match self.clock.kind {
            ClockKind::System => real,
            ClockKind::Fixed { .. } => 0,
            ClockKind::Running {
                speed_millionths,
                ..
            } => real.saturating_mul(speed_millionths as i128) / 1_000_000,
        }
    }

    /// How long a guest's `sleep(seconds)` waits in real time: `None` when
    /// this clock's time does not pass (it returns at once).
    pub(crate) fn real_sleep(&self, seconds: f64) -> Option<Duration> {
        let speed = match self.clock.kind {
            ClockKind::System => 1.0,
            ClockKind::Fixed { .. } => return None,
            ClockKind::Running {
                speed_millionths: 0,
                ..
            } => return None,
            ClockKind::Running {
                speed_millionths,
                ..
            } => speed_millionths as f64 / 1e6,
        };
        Some(Duration::try_from_secs_f64(seconds / speed).unwrap_or(Duration::MAX))
    }
}

fn unix_nanos(at: SystemTime) -> i128 {
    match at.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

fn in_range(nanos: i128) -> Result<i128, ConfigError> {
    if (EARLIEST..=LATEST).contains(&nanos) {
        Ok(nanos)
    } else {
        Err(ConfigError::InvalidDoor(
            "a clock's instant must lie in the years 1 to 9999".to_owned(),
        ))
    }
}

/// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// An ISO 8601 instant (`YYYY-MM-DD`, optionally `THH:MM[:SS[.fraction]]` and
/// `Z` or `±HH:MM`; no zone is UTC) or `@` and Unix seconds, in nanoseconds
/// since the epoch.
fn parse_instant(text: &str) -> Result<i128, String> {
    if let Some(secs) = text.strip_prefix('@') {
        let secs: i64 = secs
            .parse()
            .map_err(|_| "Unix seconds after `@` must be an integer".to_owned())?;
        return Ok(i128::from(secs) * 1_000_000_000);
    }
    let bad = || format!("`{text}` is not an ISO 8601 instant such as 2024-02-29T12:00:00Z");
    let num = |s: &str| -> Result<u32, String> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        s.parse().map_err(|_| bad())
    };
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let mut parts = date.splitn(3, '-');
    let (y, m, d) = (
        parts.next().ok_or_else(bad)?,
        parts.next().ok_or_else(bad)?,
        parts.next().ok_or_else(bad)?,
    );
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (year, month, day) = (i64::from(num(y)?), num(m)?, num(d)?);
    if year < 1 || !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return Err(format!("`{date}` is not a date of the years 1 to 9999"));
    }
    let mut nanos = i128::from(days_from_civil(year, month, day)) * 86_400 * 1_000_000_000;
    if let Some(time) = time {
        let (clock, offset) = if let Some(c) = time.strip_suffix('Z') {
            (c, 0i128)
        } else if let Some(at) = time.rfind(['+', '-']) {
            let (c, zone) = time.split_at(at);
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let (h, mi) = zone[1..].split_once(':').ok_or_else(bad)?;
            let (h, mi) = (num(h)?, num(mi)?);
            if h > 23 || mi > 59 {
                return Err(bad());
            }
            (c, sign * (i128::from(h) * 3600 + i128::from(mi) * 60))
        } else {
            (time, 0)
        };
        let (hms, fraction) = match clock.split_once('.') {
            Some((hms, f)) => (hms, Some(f)),
            None => (clock, None),
        };
        let fields: Vec<&str> = hms.split(':').collect();
        if !(2..=3).contains(&fields.len()) || fields.iter().any(|f| f.len() != 2) {
            return Err(bad());
        }
        let h = num(fields[0])?;
        let mi = num(fields[1])?;
        let s = fields.get(2).map(|s| num(s)).transpose()?.unwrap_or(0);
        if h > 23 || mi > 59 || s > 59 {
            return Err(bad());
        }
        let mut sub = 0i128;
        if let Some(f) = fraction {
            if f.is_empty() || f.len() > 9 || !f.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            sub = format!("{f:0<9}").parse::<i128>().map_err(|_| bad())?;
        }
        nanos += (i128::from(h) * 3600 + i128::from(mi) * 60 + i128::from(s) - offset)
            * 1_000_000_000
            + sub;
    }
    Ok(nanos)
}

/// An instant as `YYYY-MM-DDTHH:MM:SS[.fraction]Z`.
fn format_instant(nanos: i128) -> String {
    let secs = nanos.div_euclid(1_000_000_000);
    let sub = nanos.rem_euclid(1_000_000_000);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days as i64);
    let base = format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    );
    if sub == 0 {
        format!("{base}Z")
    } else {
        let f = format!("{sub:09}");
        format!("{base}.{}Z", f.trim_end_matches('0'))
    }
}

/// What a guest's `import sys` shows ([`Policy::sys`](crate::Policy::sys)):
/// plain data the host sets, nothing of the interpreter. `sys.modules`,
/// `sys.path`, frames, hooks and `settrace` are never there; `sys.stdout`
/// writes to the guest's own output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SysData {
    /// `sys.argv`. Default: `[]`.
    pub argv: Vec<String>,
    /// `sys.platform`. Default: `"pyocap"`.
    pub platform: String,
}

impl Default for SysData {
    fn default() -> Self {
        SysData {
            argv: Vec::new(),
            platform: "pyocap".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_parse_and_print_back() {
        for (text, nanos) in [
            ("@0", 0i128),
            ("1970-01-01", 0),
            ("1970-01-01T00:00:01Z", 1_000_000_000),
            ("2024-02-29T12:00:00Z", 1_709_208_000_000_000_000),
            ("2024-02-29T13:30:00+01:30", 1_709_208_000_000_000_000),
            ("2024-02-29T12:00:00.25Z", 1_709_208_000_250_000_000),
            ("0001-01-01T00:00:00Z", EARLIEST),
            ("9999-12-31T23:59:59Z", LATEST),
            ("1969-12-31T23:59:59Z", -1_000_000_000),
        ] {
            assert_eq!(parse_instant(text), Ok(nanos), "{text}");
            let back = format_instant(nanos);
            assert_eq!(parse_instant(&back), Ok(nanos), "{back}");
        }
        for bad in [
            "",
            "2024-02-30",
            "2023-02-29",
            "2024-13-01",
            "24-01-01",
            "2024-01-01T25:00",
            "2024-01-01T10:00:00.",
            "2024-01-01T10:00:00+1",
            "@x",
            "２０２４-01-01",
        ] {
            assert!(parse_instant(bad).is_err(), "{bad}");
        }
        assert!(Clock::parse("fixed:0000-12-31").is_err());
        assert!(Clock::parse("fixed:@999999999999999").is_err());
        assert!(Clock::parse("running:1970-01-01*-1").is_err());
        assert!(Clock::parse("running:1970-01-01*nan").is_err());
        assert!(Clock::parse("wall").is_err());
        for text in [
            "system",
            "fixed:2024-02-29T12:00:00.5Z",
            "running:2024-01-01T00:00:00Z*60",
            // Beyond the ±584 years a u64 of nanoseconds holds.
            "running:2600-01-01T00:00:00Z*0",
            "running:0001-01-01T00:00:00Z*1",
            "running:9999-12-31T23:59:59Z*1000000",
        ] {
            assert_eq!(Clock::parse(text).unwrap().to_text(), text);
        }
    }

    #[test]
    fn readings_follow_the_kind() {
        let fixed = Clock::parse("fixed:@100").unwrap().start();
        assert_eq!(fixed.wall_nanos(), 100_000_000_000);
        assert_eq!(fixed.monotonic_nanos(), 0);
        assert_eq!(fixed.real_sleep(5.0), None);
        let fast = Clock::parse("running:@100*2").unwrap().start();
        std::thread::sleep(Duration::from_millis(20));
        assert!(fast.monotonic_nanos() >= 40_000_000);
        assert!(fast.wall_nanos() >= 100_040_000_000);
        assert_eq!(fast.real_sleep(1.0), Some(Duration::from_millis(500)));
        let system = Clock::system().start();
        assert!(system.wall_nanos() > 1_700_000_000 * 1_000_000_000);
        assert_eq!(system.real_sleep(f64::INFINITY), Some(Duration::MAX));
    }
}
