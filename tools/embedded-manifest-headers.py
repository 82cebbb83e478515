#!/usr/bin/env python3
"""Prints the Bundle-ClassPath and Export-Package headers of a bundle that embeds jars in lib/.

usage: tools/embedded-manifest-headers.py <bundle dir> <prefix>=<version> ...
  e.g. tools/embedded-manifest-headers.py bundles/org.neurograph.runtime.dl4j \\
         onnx=1.0.0.M2_1 org.nd4j=1.0.0.M2_1 org.deeplearning4j=1.0.0.M2_1 org.bytedeco.javacpp=1.5.7

Every package of the embedded jars whose name is a prefix or starts with '<prefix>.' is exported with that version.
Run it after `./mvnw -B generate-resources -pl target-platform,<bundle>` has filled lib/, and paste the output into
the bundle's META-INF/MANIFEST.MF (the headers are static: re-run it whenever an embedded library changes)."""
import pathlib
import sys
import zipfile

bundle = pathlib.Path(sys.argv[1])
prefixes = dict(arg.split("=", 1) for arg in sys.argv[2:])
jars = sorted(p.name for p in (bundle / "lib").glob("*.jar"))
packages = {}
for jar in jars:
    with zipfile.ZipFile(bundle / "lib" / jar) as z:
        for name in z.namelist():
            if name.endswith(".class") and "/" in name and not name.startswith("META-INF/"):
                package = name.rsplit("/", 1)[0].replace("/", ".")
                for prefix, version in prefixes.items():
                    if package == prefix or package.startswith(prefix + "."):
                        packages[package] = version


def header(name, items):
    return name + ": " + ",\n ".join(items) + "\n"


sys.stdout.write(header("Bundle-ClassPath", ["."] + ["lib/" + j for j in jars]))
sys.stdout.write(header("Export-Package", ['%s;version="%s"' % (p, packages[p]) for p in sorted(packages)]))
