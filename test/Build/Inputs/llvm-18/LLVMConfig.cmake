# A stand-in for an LLVM installation of an unsupported major.
set(LLVM_PACKAGE_VERSION 18.1.8)
set(LLVM_VERSION_MAJOR 18)
set(LLVM_VERSION_MINOR 1)
set(LLVM_INCLUDE_DIRS /nonexistent/include)
set(LLVM_TOOLS_BINARY_DIR /nonexistent/bin)
