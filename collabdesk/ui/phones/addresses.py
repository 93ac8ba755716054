"""The laptop's private-network addresses phones can reach, Wi-Fi first.

Read from Qt's list of interfaces (no packet is sent). Only IPv4 private and link-local
addresses are offered: phones type or scan them, and a public address would put the room
on the internet.
"""

import ipaddress
from dataclasses import dataclass

from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface


@dataclass(frozen=True)
class Address:
    address: str
    interface: str
    wifi: bool

    @property
    def label(self) -> str:
        kind = "Wi-Fi" if self.wifi else "network"
        return f"{self.address}  ({kind}: {self.interface})"


def private_addresses() -> list[Address]:
    """Every private IPv4 address of an interface that is up, Wi-Fi ones first."""
    found = []
    flags = QNetworkInterface.InterfaceFlag
    for interface in QNetworkInterface.allInterfaces():
        if not (interface.flags() & flags.IsUp and interface.flags() & flags.IsRunning) or \
                interface.flags() & flags.IsLoopBack:
            continue
        wifi = interface.type() == QNetworkInterface.InterfaceType.Wifi or interface.name().startswith(("wl", "wifi"))
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            parsed = ipaddress.ip_address(ip.toString())
            if parsed.is_private or parsed.is_link_local:
                found.append(Address(ip.toString(), interface.humanReadableName() or interface.name(), wifi))
    return sorted(found, key=lambda a: (not a.wifi, ipaddress.ip_address(a.address).is_link_local))
