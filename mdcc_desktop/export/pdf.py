"""PDF through LibreOffice (``soffice --headless --convert-to pdf``).

LibreOffice runs with a profile of its own in a private temporary folder: a conversion
started while the user has LibreOffice open would otherwise hand the job to that instance and
return at once with no PDF. The Word file it converts lives in the same private folder
(created readable by this user only) and is gone when the conversion ends.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import msg

PDF_SECONDS = 180


def soffice() -> str | None:
    """LibreOffice's program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """LibreOffice's program, or a ValidationError saying nothing was written without it."""
    program = soffice()
    if program is None:
        raise ValidationError(msg("no_libreoffice_pdf"))
    return program


def docx_to_pdf(data: bytes, name: str = "document.docx", timeout: int = PDF_SECONDS) -> bytes:
    """The PDF of the Word document ``data`` (``name`` is for messages only)."""
    program = require_soffice()
    with tempfile.TemporaryDirectory(prefix="mdcc-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(data)
        profile = (work / "profile").as_uri()
        try:
            subprocess.run(
                [
                    program,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work),
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=timeout,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as exc:
            raise ValidationError(msg("pdf_timeout", name=name)) from exc
        except (subprocess.CalledProcessError, OSError) as exc:
            raise ValidationError(msg("pdf_failed", name=name, error=str(exc))) from exc
        pdf = work / "document.pdf"
        if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
            raise ValidationError(msg("pdf_missing", name=Path(name).with_suffix(".pdf").name))
        return pdf.read_bytes()
