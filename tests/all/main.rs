//! Integration tests, one module per concept.

#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

mod util;

mod attacks;
mod attenuation;
mod basics;
mod caps;
mod cli;
mod compiled;
mod doors;
mod dynamic;
mod errors;
mod files;
mod fuel;
mod host_fns;
mod hostile;
mod introspection;
mod isolation;
mod library_authority;
mod json;
mod limits;
mod master;
mod membrane;
mod money;
mod observe;
mod output;
mod policy;
mod process;
mod pool;
mod protocols;
mod regex;
mod serde_values;
mod sort;
mod stdlib;
mod teardown;
mod values;
