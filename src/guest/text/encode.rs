//! `str.encode` with an error handler that writes a long text per character,
//! checked against the memory left (SPEC §5.6).

use rustpython_vm::VirtualMachine;
use rustpython_vm::builtins::PyStr;
use crate::guest::meter::reserve_bounded;
use crate::guest::patch::replace_method;

/// `str.encode(encoding, errors)` with an error handler that writes a long
/// text for each character it cannot encode: `namereplace` (a character's
/// name, `\N{LATIN SMALL LETTER E WITH ACUTE}`: up to 92 bytes for one
/// character), `xmlcharrefreplace` and `backslashreplace` (up to 10). The
/// result is checked against what is left of the budget, counting every
/// character the codec may not encode (`('\xe9' * 7_000_000).encode('ascii',
/// 'namereplace')`, 14 MB of text, was 245 MB written in one native call, and
/// froze its thread at the ceiling).
pub(crate) fn install_encode(vm: &VirtualMachine) {
    replace_method(
        vm.ctx.types.str_type,
        "encode",
        vm,
        |zelf, mut args, original, vm| {
            let errors = args
                .args
                .get(1)
                .or_else(|| args.kwargs.get("errors"))
                .and_then(|e| e.downcast_ref::<PyStr>())
                .map(|e| e.as_wtf8().as_bytes().to_vec());
            let per_char = match errors.as_deref() {
                Some(b"namereplace") => 92,
                Some(b"xmlcharrefreplace" | b"backslashreplace") => 10,
                _ => 0,
            };
            if let (Some(text), true) = (zelf.downcast_ref::<PyStr>(), per_char > 0) {
                let data = text.as_wtf8().as_bytes();
                // A non-ASCII character is at least two bytes.
                let quick = data.len().saturating_mul(per_char / 2 + 1) as f64;
                let exact = || {
                    let encoding = args
                        .args
                        .first()
                        .or_else(|| args.kwargs.get("encoding"))
                        .and_then(|e| e.downcast_ref::<PyStr>())
                        .map(|e| {
                            e.as_wtf8()
                                .as_bytes()
                                .iter()
                                .filter(|b| !matches!(b, b'-' | b'_'))
                                .map(u8::to_ascii_lowercase)
                                .collect::<Vec<u8>>()
                        });
                    // The characters the codec may fail on, by the first byte
                    // of their UTF-8: UTF-8 fails only on surrogates (written
                    // as ED A0..BF ..), Latin-1 past U+00FF, others on any
                    // non-ASCII character.
                    let fails: fn(&[u8]) -> bool = match encoding.as_deref() {
                        None | Some(b"utf8" | b"u8") => {
                            |w| w[0] == 0xed && w.get(1).is_some_and(|&b| b >= 0xa0)
                        }
                        Some(b"latin1" | b"iso88591" | b"l1") => |w| w[0] >= 0xc4,
                        Some(_) => |w| w[0] >= 0xc0,
                    };
                    let non_ascii = (0..data.len()).filter(|&i| fails(&data[i..])).count();
                    let ascii = data.iter().filter(|&&b| b < 0x80).count();
                    (non_ascii * per_char + ascii) as f64
                };
                reserve_bounded(quick, exact, "str.encode()", vm)?;
            }
            args.prepend_arg(zelf);
            original.call(args, vm)
        },
    );
}
