"""Customer data: importing files, keeping records, pulling customers from the backend."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr

from kiosk.config.metadata import DefaultText, Flag, Section
from kiosk.config.paths import data_dir


class CustomerDataSettings(Section):
    """Importing customer files, and how long records are kept."""

    key = "customers"
    title = "Customer data"

    import_map: Annotated[dict[str, str], DefaultText("none (found by their header)")] = Field(
        default_factory=dict,
        description="column names for `reference`, `name`, `phone`: "
        '`{reference = "Order No"}` (environment: JSON)',
    )
    import_batch_size: int = Field(1000, ge=1, description="rows written per transaction")
    retention_days: int = Field(
        90, ge=0, description="days finished verifications are kept; 0 keeps everything"
    )
    audit_dir: Annotated[Path | None, DefaultText("`audit/` in the data directory")] = Field(
        None, description="where records are exported before they are deleted"
    )
    audit_format: Literal["json", "csv"] = Field(
        "json", description="`json` or `csv`: the format of those exports"
    )

    @property
    def effective_audit_dir(self) -> Path:
        """Where purge exports go."""
        return self.audit_dir or data_dir() / "audit"


class SyncSettings(Section):
    """Pulling customers from the merchant backend (optional)."""

    key = "sync"
    title = "Pulling customers from the merchant backend"

    sync_url: str | None = Field(
        None, description="JSON endpoint listing customers; may contain `{since}`"
    )
    sync_auth_header: SecretStr | None = Field(
        None, description="`Authorization` value sent with each request"
    )
    sync_auth_header_file: Annotated[Path | None, Flag("--sync-auth-header-file")] = Field(
        None, description="`sync_auth_header` read from this file (this wins)"
    )
    sync_interval: float = Field(
        900.0,
        ge=0,
        description="seconds between pulls (0: once at start, then only `customers sync`)",
    )
    sync_items: str = Field(
        "", description="dotted path to the list of customers (empty: the answer is the list)"
    )
    sync_reference: str = Field("reference", description="dotted path to the reference")
    sync_name: str = Field("name", description="dotted path to the name")
    sync_phone: str = Field("phone", description="dotted path to the phone number")
    sync_cursor: str = Field(
        "",
        description="dotted path to a cursor in the answer, sent back as `since` "
        "(pages are followed)",
    )
