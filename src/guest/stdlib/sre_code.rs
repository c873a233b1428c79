//! The regular-expression matcher's compiled code, rewritten so that metering
//! its text reads also meters all of its work.
//!
//! The pre-run (`regex`) counts what the matcher reads through its text
//! interface. Reads alone do not bound the matcher: a repeat of a zero-width
//! item (`(?:^){10**8}`), alternatives that read nothing (`(?:^|^){40}x`), empty
//! back-references and atomic groups push matcher state and take time without
//! touching the text, so the meter never ticked and neither the fuel, the
//! deadline nor the memory budget could end them.
//!
//! [`metered`] rewrites a pattern's code for the pre-run by inserting an empty
//! lookahead, `(?=)`, at every place where the matcher can do work without
//! reading: the start of every repeat body (so every iteration, zero-width or
//! not), every alternative of a branch, every atomic group, and before every
//! op that can run without reading (anchors, marks, group references,
//! conditionals, and every repeat, which pushes state on entry even when its
//! maximum is 0). The only ops left unmarked read a character or end a
//! construct whose entry was marked. The matcher
//! always reads (a zero-length backward skip) when it enters a lookahead, so
//! each of those places now costs a step. An empty lookahead always succeeds
//! and changes no state a match depends on, so the rewritten code matches
//! exactly what the original does: the pre-run finds the same matches by the
//! same search, plus the inserted steps (a test checks this against the
//! original on generated patterns). Between two steps the matcher now runs a
//! bounded number of ops and pushes at most a bounded amount of state.
//!
//! The code comes from the library's own compiler (`re._compiler`), never
//! from a guest; code whose structure the walk does not recognise is refused,
//! not run unmetered.

use rustpython_sre_engine::SreOpcode as Op;

/// `(?=)`: `ASSERT <skip=3> <back=0> SUCCESS`.
const EMPTY_LOOKAHEAD: [u32; 4] = [Op::ASSERT as u32, 3, 0, Op::SUCCESS as u32];

/// Where a skip word points.
#[derive(Clone, Copy)]
struct Skip {
    /// The position of the skip word.
    at: usize,
    /// The position it leads to.
    target: usize,
    /// `GROUPREF_EXISTS` counts its skip one past the target.
    plus_one: bool,
    /// It leads to a repeat's closing op itself, not to a step inserted
    /// before it (the step of an empty body).
    onto: bool,
}

/// What the walk found: where to insert a step and every skip word to relocate.
#[derive(Default)]
struct Plan {
    inserts: Vec<usize>,
    skips: Vec<Skip>,
}

/// Why code was not recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unrecognised;

/// The code the pre-run matches with: `code` with a step at every place where
/// the matcher can work without reading (see the module's documentation).
pub(crate) fn metered(code: &[u32]) -> Result<Vec<u32>, Unrecognised> {
    let mut plan = Plan::default();
    let mut walk = Walk {
        code,
        plan: &mut plan,
        depth: 0,
    };
    let mut start = 0;
    if code.first() == Some(&(Op::INFO as u32)) {
        start = walk.skip(1, false)?;
    }
    // The first op is left as it is: `search` recognises a pattern anchored at
    // the beginning by it.
    let end = code.len();
    walk.sequence(start, end, true)?;
    Ok(relocate(code, &plan))
}

struct Walk<'a> {
    code: &'a [u32],
    plan: &'a mut Plan,
    /// Nesting of bodies (bounded by the code's length; the walk recurses).
    depth: usize,
}

/// Deeper than the library's own compiler could have nested (it recurses in
/// Python, under the interpreter's recursion limit).
const MAX_DEPTH: usize = 4096;

impl Walk<'_> {
    fn word(&self, at: usize) -> Result<u32, Unrecognised> {
        self.code.get(at).copied().ok_or(Unrecognised)
    }

    /// Records the skip word at `at` and returns where it leads.
    fn skip(&mut self, at: usize, plus_one: bool) -> Result<usize, Unrecognised> {
        self.skip_to(at, plus_one, false)
    }

    fn skip_to(&mut self, at: usize, plus_one: bool, onto: bool) -> Result<usize, Unrecognised> {
        let value = self.word(at)? as usize;
        let target = if plus_one {
            (at + value).checked_sub(1).ok_or(Unrecognised)?
        } else {
            at + value
        };
        if target <= at || target > self.code.len() {
            return Err(Unrecognised);
        }
        self.plan.skips.push(Skip {
            at,
            target,
            plus_one,
            onto,
        });
        Ok(target)
    }

    fn insert(&mut self, at: usize) {
        self.plan.inserts.push(at);
    }

    /// Walks the ops in `[pos, end)`; `first_kept`: leave the first op
    /// unmarked. Returns the position of the last op walked.
    fn sequence(
        &mut self,
        mut pos: usize,
        end: usize,
        first_kept: bool,
    ) -> Result<usize, Unrecognised> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Unrecognised);
        }
        let mut last = pos;
        let mut first = true;
        while pos < end {
            last = pos;
            let op = Op::try_from(self.word(pos)?).map_err(|_| Unrecognised)?;
            let mark = !(first && first_kept);
            first = false;
            pos = match op {
                Op::FAILURE
                | Op::SUCCESS
                | Op::ANY
                | Op::ANY_ALL
                | Op::MAX_UNTIL
                | Op::MIN_UNTIL => pos + 1,
                Op::LITERAL
                | Op::NOT_LITERAL
                | Op::LITERAL_IGNORE
                | Op::NOT_LITERAL_IGNORE
                | Op::LITERAL_LOC_IGNORE
                | Op::NOT_LITERAL_LOC_IGNORE
                | Op::LITERAL_UNI_IGNORE
                | Op::NOT_LITERAL_UNI_IGNORE
                | Op::CATEGORY => pos + 2,
                Op::AT
                | Op::MARK
                | Op::GROUPREF
                | Op::GROUPREF_IGNORE
                | Op::GROUPREF_LOC_IGNORE
                | Op::GROUPREF_UNI_IGNORE => {
                    if mark {
                        self.insert(pos);
                    }
                    pos + 2
                }
                // A character set (opaque).
                Op::IN | Op::IN_IGNORE | Op::IN_LOC_IGNORE | Op::IN_UNI_IGNORE => {
                    self.skip(pos + 1, false)?
                }
                // A repeat of one single-width item (opaque body): each
                // iteration reads, but entering it pushes state and reads
                // nothing when its maximum is 0 or no text is left.
                Op::REPEAT_ONE | Op::MIN_REPEAT_ONE | Op::POSSESSIVE_REPEAT_ONE => {
                    if mark {
                        self.insert(pos);
                    }
                    self.skip(pos + 1, false)?
                }
                // The end of an alternative or of a conditional's yes branch
                // (the enclosing op walks what follows).
                Op::JUMP => {
                    self.skip(pos + 1, false)?;
                    pos + 2
                }
                Op::ASSERT | Op::ASSERT_NOT => {
                    // The matcher reads (skips back) on entering a lookaround.
                    let next = self.skip(pos + 1, false)?;
                    self.sequence(pos + 3, next, false)?;
                    next
                }
                Op::ATOMIC_GROUP => {
                    let next = self.skip(pos + 1, false)?;
                    self.insert(pos + 2);
                    self.sequence(pos + 2, next, false)?;
                    next
                }
                // <REPEAT> <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL>, and
                // <POSSESSIVE_REPEAT> <skip> <min> <max> body <SUCCESS>: the
                // skip leads to the closing op, walked next.
                Op::REPEAT | Op::POSSESSIVE_REPEAT => {
                    // Entering pushes state even when the body never runs
                    // (a maximum of 0).
                    if mark {
                        self.insert(pos);
                    }
                    let close = self.skip_to(pos + 1, false, true)?;
                    if close < pos + 4 {
                        return Err(Unrecognised);
                    }
                    self.insert(pos + 4);
                    self.sequence(pos + 4, close, false)?;
                    let closing = self.word(close)?;
                    let expected: &[Op] = if op == Op::REPEAT {
                        &[Op::MAX_UNTIL, Op::MIN_UNTIL]
                    } else {
                        &[Op::SUCCESS]
                    };
                    if !expected.iter().any(|e| *e as u32 == closing) {
                        return Err(Unrecognised);
                    }
                    close
                }
                // <BRANCH> (<skip> alternative <JUMP> <skip>)* <FAILURE>
                Op::BRANCH => {
                    let mut at = pos + 1;
                    while self.word(at)? != 0 {
                        let next = self.skip(at, false)?;
                        self.insert(at + 1);
                        let tail = self.sequence(at + 1, next, false)?;
                        if self.word(tail)? != Op::JUMP as u32 {
                            return Err(Unrecognised);
                        }
                        at = next;
                    }
                    at + 1
                }
                // <GROUPREF_EXISTS> <group> <skip> yes [<JUMP> <skip> no]
                Op::GROUPREF_EXISTS => {
                    if mark {
                        self.insert(pos);
                    }
                    let no = self.skip(pos + 2, true)?;
                    if no < pos + 3 {
                        return Err(Unrecognised);
                    }
                    let tail = self.sequence(pos + 3, no, false)?;
                    if no > pos + 3 && tail + 2 == no && self.word(tail)? == Op::JUMP as u32 {
                        // (The jump's skip was recorded as the yes branch's.)
                        let end_no = tail + 1 + self.word(tail + 1)? as usize;
                        self.sequence(no, end_no, false)?;
                        end_no
                    } else {
                        no
                    }
                }
                Op::INFO
                | Op::CHARSET
                | Op::BIGCHARSET
                | Op::NEGATE
                | Op::RANGE
                | Op::RANGE_UNI_IGNORE
                | Op::SUBPATTERN => return Err(Unrecognised),
            };
        }
        self.depth -= 1;
        if pos != end {
            return Err(Unrecognised);
        }
        Ok(last)
    }
}

/// `code` with the planned steps inserted and every skip word moved with it.
fn relocate(code: &[u32], plan: &Plan) -> Vec<u32> {
    let mut inserts = plan.inserts.clone();
    inserts.sort_unstable();
    inserts.dedup();
    // Where each old word lands, and where what was inserted before it starts.
    let mut at = Vec::with_capacity(code.len() + 1);
    let mut before = Vec::with_capacity(code.len() + 1);
    let mut out = Vec::with_capacity(code.len() + 4 * inserts.len());
    let mut next = inserts.iter().peekable();
    for (i, word) in code.iter().enumerate() {
        before.push(out.len());
        if next.peek() == Some(&&i) {
            next.next();
            out.extend_from_slice(&EMPTY_LOOKAHEAD);
        }
        at.push(out.len());
        out.push(*word);
    }
    before.push(out.len());
    at.push(out.len());
    for skip in &plan.skips {
        let from = at[skip.at];
        // A skip that led to a marked op leads to its step.
        let to = if skip.onto {
            at[skip.target]
        } else {
            before[skip.target]
        };
        out[from] = (to - from + usize::from(skip.plus_one)) as u32;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeat_body_and_each_alternative_get_a_step() {
        // (?:a|b)*  as re._compiler emits it (no INFO).
        let code = [
            Op::REPEAT as u32,
            15,
            0,
            u32::MAX, // repeat, skip to MAX_UNTIL
            Op::BRANCH as u32,
            5,
            Op::LITERAL as u32,
            97,
            Op::JUMP as u32,
            7,
            5,
            Op::LITERAL as u32,
            98,
            Op::JUMP as u32,
            2,
            0,
            Op::MAX_UNTIL as u32,
            Op::SUCCESS as u32,
        ];
        let out = metered(&code).unwrap();
        assert_eq!(out.len(), code.len() + 3 * 4);
        // Three lookaheads: the body's start, one per alternative.
        let steps = out.windows(4).filter(|w| *w == EMPTY_LOOKAHEAD).count();
        assert_eq!(steps, 3);
        // The repeat's skip still leads to MAX_UNTIL, the jumps past FAILURE.
        assert_eq!(out[1 + out[1] as usize], Op::MAX_UNTIL as u32);
    }

    #[test]
    fn unknown_or_truncated_code_is_refused() {
        assert!(metered(&[99]).is_err());
        assert!(metered(&[Op::REPEAT as u32, 40, 0, 1]).is_err());
        assert!(metered(&[Op::BRANCH as u32, 3, Op::LITERAL as u32]).is_err());
        assert!(metered(&[Op::INFO as u32, 0]).is_err());
    }
}
